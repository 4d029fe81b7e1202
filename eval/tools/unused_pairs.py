"""unused_pairs.py: the pairs of a trainee nation and a trainer nation that no query of the
held-out notes names, in any of the four languages: new queries are made from these.

The used queries are every quoted, numbered line of eval/heldout*/NOTES-*.md (a few quoted
sentences of the pages come along: the list errs on the side of used)."""

import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[1]
used = []
for notes in sorted(root.glob("heldout*/NOTES-*.md")):
    text = notes.read_text("utf-8")
    used += [m.group(1) for m in re.finditer(r'^\s*(?:\d+\.|-)\s+"([^"]+)"', text, re.M)]
# A trainee nation: its name in the regex's four languages, and its English demonym.
N = {
    "Kenya": ("keny|kenia", "Kenyan"),
    "Ghana": ("\\bghan", "Ghanaian"),
    "Nigeria": ("nigeria|nigérian|nigerian", "Nigerian"),
    "Uganda": ("ugand|ougand", "Ugandan"),
    "Tanzania": ("tanzan|tansan", "Tanzanian"),
    "Rwanda": ("rwand|ruand", "Rwandan"),
    "Ethiopia": ("ethiop|éthiop|äthiop|etiop", "Ethiopian"),
    "Somalia": ("somal", "Somali"),
    "Senegal": ("senegal|sénégal", "Senegalese"),
    "Mali": ("\\bmali\\b|malien|malian|malisch", "Malian"),
    "Niger": ("\\bniger\\b|nigérien|nigerien|nigrisch", "Nigerien"),
    "Chad": ("\\bchad|tchad|tschad", "Chadian"),
    "Cameroon": ("camero|camerou|kamerun|camerún", "Cameroonian"),
    "Ivory Coast": ("ivor|ivoir|elfenbein|marfil", "Ivorian"),
    "Benin": ("benin|bénin", "Beninese"),
    "Togo": ("togo", "Togolese"),
    "Burkina": ("burkin", "Burkinabe"),
    "Mauritania": ("maurita", "Mauritanian"),
    "Morocco": ("moroc|maroc|marokk|marruec", "Moroccan"),
    "Tunisia": ("tunis|tunes|túnez", "Tunisian"),
    "Egypt": ("egypt|égypt|ägypt|egipt", "Egyptian"),
    "Jordan": ("jordan|jordani", "Jordanian"),
    "Lebanon": ("leban|liban", "Lebanese"),
    "Iraq": ("iraq|irak", "Iraqi"),
    "Mozambique": ("mozamb|mosamb|moçamb", "Mozambican"),
    "Zambia": ("zambi|sambi", "Zambian"),
    "Malawi": ("malawi", "Malawian"),
    "Botswana": ("botswan", "Botswana"),
    "Namibia": ("namib", "Namibian"),
    "Angola": ("angol", "Angolan"),
    "Sudan": ("sudan|soudan", "Sudanese"),
    "Djibouti": ("djibout|dschibut|yibut", "Djiboutian"),
    "Madagascar": ("madagas|malgach", "Malagasy"),
    "Gambia": ("gambi", "Gambian"),
    "Guinea": ("guinea|guinée|guiné", "Guinean"),
    "Liberia": ("liberi", "Liberian"),
    "Sierra Leone": ("sierra leon", "Sierra Leonean"),
    "Congo": ("congo|kongo", "Congolese"),
    "Pakistan": ("pakist", "Pakistani"),
    "Bangladesh": ("bangla", "Bangladeshi"),
    "Nepal": ("nepal|népal", "Nepali"),
    "Sri Lanka": ("sri lank", "Sri Lankan"),
    "Cambodia": ("cambod|kambod|camboy", "Cambodian"),
    "Laos": ("\\blao", "Laotian"),
    "Vietnam": ("vietnam", "Vietnamese"),
    "Philippines": ("philipp|filipin|philippin", "Philippine"),
    "Indonesia": ("indones", "Indonesian"),
    "Mongolia": ("mongol", "Mongolian"),
    "Georgia": ("georgi|géorgi", "Georgian"),
    "Armenia": ("armeni|arméni", "Armenian"),
    "Moldova": ("moldov|moldau|moldav", "Moldovan"),
    "Ukraine": ("ukrain", "Ukrainian"),
    "Kosovo": ("kosov", "Kosovo"),
    "Bosnia": ("bosni", "Bosnian"),
    "Colombia": ("colomb|kolumb", "Colombian"),
    "Peru": ("\\bperu|péru", "Peruvian"),
    "Ecuador": ("ecuad|équat|ecuat", "Ecuadorian"),
    "Honduras": ("hondur", "Honduran"),
    "Guatemala": ("guatem", "Guatemalan"),
    "Haiti": ("haiti|haïti", "Haitian"),
    "Panama": ("panam", "Panamanian"),
    "Jamaica": ("jamai", "Jamaican"),
}
T = {
    "India": "indi\\b|india|inde\\b|indien",
    "China": "chin",
    "Russia": "russ|rusi",
    "Turkey": "turk|türk|turqu",
    "Israel": "israel|isra",
    "Japan": "japan|japon|japón",
    "South Korea": "korea|corée|corea",
    "Pakistan": "pakist",
    "Egypt": "egypt|égypt|ägypt|egipt",
    "Morocco": "moroc|maroc|marokk|marruec",
    "Qatar": "qatar|katar",
    "UAE": "emirat|uae|émirat",
    "Saudi Arabia": "saudi|saoudi|saudí",
    "Brazil": "brazil|brasil|brésil",
    "Italy": "ital",
    "Spain": "spain|españ|espagn|spani",
    "Portugal": "portug",
    "Netherlands": "netherl|dutch|niederl|pays-bas|néerl|holand",
    "Belgium": "belgi",
    "Poland": "poland|polish|polen|pologn|poloni",
    "Czech": "czech|tschech|tchèq|chec",
    "Sweden": "swed|schwed|suède|suec",
    "Norway": "norw|norweg|norvè|norue",
    "Denmark": "denmark|danish|dänem|danemark|dinamar",
    "Finland": "finland|finn|finlan",
    "Ireland": "ireland|irish|irland|irlan",
    "Austria": "austri|österr|autrich",
    "Switzerland": "switz|swiss|schweiz|suisse|suiz",
    "Greece": "greece|greek|griech|grèce|grecia",
    "Romania": "romani|rumän|roumani|rumani",
    "Hungary": "hungar|ungar|hongr",
    "Lithuania": "lithuan|litau|lituan",
    "Estonia": "eston|estland|estoni",
    "Singapore": "singap",
    "Malaysia": "malays",
    "Australia": "austral",
    "New Zealand": "zealand|zeeland|zélande|zelanda",
    "Canada": "canad|kanad",
    "Mexico": "mexi|méxi",
    "Chile": "chile|chili",
    "Argentina": "argentin",
    "Cuba": "cuba|kuba",
    "Kenya": "keny|kenia",
    "Nigeria": "nigeria|nigérian|nigerian",
    "Rwanda": "rwand|ruand",
    "South Africa": "south africa|südafrika|afrique du sud|sudáfrica",
    "Ghana": "\\bghan",
    "Germany": "german|deutsch|alleman|alemán|bundesw|allemagne|alemania",
    "France": "franc|französ|francia",
    "Britain": "britain|british|\\buk\\b|united kingdom|royaume|brit|großbrit|reino unido",
    "United States": (
        "united states|\\bus\\b|\\bu\\.s\\.|americ|améric|estados unidos|usa|vereinigte"
    ),
}


def names_both(query: str, trainee: str, trainer: str) -> bool:
    return bool(re.search(trainee, query, re.I) and re.search(trainer, query, re.I))


free = [
    (demonym, trainer)
    for name, (trainee, demonym) in N.items()
    for trainer, trainer_rx in T.items()
    if name != trainer and not any(names_both(q, trainee, trainer_rx) for q in used)
]
print(len(free))
for demonym, trainer in free:
    print(f"{demonym} | {trainer}")
