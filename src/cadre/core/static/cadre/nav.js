// The main navigation's menus (<details class="nav-menu"> in base.html) open and close
// without this script; it adds what a menu is expected to do besides: Escape closes the
// open menu and puts the focus back on its name, and a click or the focus going
// elsewhere closes it.
function closeMenusOutside(target) {
  for (const menu of document.querySelectorAll(".nav-menu[open]")) {
    if (!menu.contains(target)) menu.open = false;
  }
}

document.addEventListener("click", (event) => closeMenusOutside(event.target));
document.addEventListener("focusin", (event) => closeMenusOutside(event.target));
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const menu = document.querySelector(".nav-menu[open]");
  if (menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
