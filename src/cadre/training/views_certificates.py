"""Certificate pages: the public check by code, the PDF, revoking and superseding, and the
qualifications about to expire."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core import permissions, signing
from cadre.core.services import service_for

from . import certificates, selectors, services
from .models import Certificate

RATE_WINDOW_SECONDS = 60


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("verification code"),
        max_length=40,
        help_text=gettext_lazy("As printed on the certificate, e.g. 7KQ2-MX4P-93TD-HW8C."),
    )


def over_rate(request) -> bool:
    """Has this client address made more checks this minute than a person would?

    Counted in Django's default cache: `cadre serve` is one process whose threads share its
    memory; several processes need a shared cache (settings.VERIFY_RATE_PER_MINUTE)."""
    window = int(timezone.now().timestamp()) // RATE_WINDOW_SECONDS
    key = f"verify-rate:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, RATE_WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry was evicted between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS * 2)
        count = 1
    return count > settings.VERIFY_RATE_PER_MINUTE


class VerifyView(View):
    """/verify/ and /verify/<code>/: anyone, signed in or not, checks a certificate by its
    code. The page shows the printed fields and the status, and nothing else of the person."""

    def get(self, request, code=None):
        form = CodeForm(request.GET if code is None and "code" in request.GET else None)
        if code is None and form.is_valid():
            return redirect("verify-code", certificates.normal_code(form.cleaned_data["code"]))
        context = {"form": form if code is None else CodeForm(initial={"code": code})}
        if code is None:
            return render(request, "training/verify.html", context)
        if over_rate(request):
            response = render(
                request, "training/verify.html", {**context, "too_many": True}, status=429
            )
            response["Retry-After"] = str(RATE_WINDOW_SECONDS)
            return response
        certificate = Certificate.objects.filter(code=certificates.normal_code(code)).first()
        if certificate is None:
            return render(request, "training/verify.html", {**context, "unknown": True}, status=404)
        check = certificates.with_record(
            certificates.check_signed(
                certificate.signed.encode(), certificate.signature, signing.public_key()
            ),
            certificate,
        )
        context.update(certificate=certificate, check=check, fields=check.fields)
        return render(request, "training/verify.html", context)


def _readable(request, pk) -> Certificate:
    return get_object_or_404(
        permissions.restrict(Certificate.objects.select_related("enrolment"), request.user), pk=pk
    )


class CertificatePdfView(LoginRequiredMixin, View):
    """The certificate's PDF, for whoever reads the certificate, once the job has made it."""

    def get(self, request, pk):
        certificate = _readable(request, pk)
        path = certificates.pdf_path(certificate.code)
        if certificate.pdf_made_at is None or not path.exists():
            raise Http404
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"certificate-{certificate.code}.pdf",
            content_type="application/pdf",
        )


class EndForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Shown with the status on the public page when revoked."),
    )


class CertificateActionView(LoginRequiredMixin, View):
    """Revoke a certificate, or supersede it with one from the records as they are now."""

    http_method_names = ["post"]
    action = "revoke"

    def post(self, request, pk):
        certificate = _readable(request, pk)
        if not services.may_graduate(request.user, certificate.enrolment):
            raise PermissionDenied
        form = EndForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
            return redirect("core:detail", "certificates", pk)
        service = service_for(Certificate)
        try:
            if self.action == "revoke":
                service.revoke(certificate, user=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, _("The certificate is revoked."))
            else:
                new = service.supersede(
                    certificate, user=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("Superseded by a new certificate, %(code)s.") % {"code": new.code}
                )
                return redirect("core:detail", "certificates", new.pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("core:detail", "certificates", pk)


class ExpiringView(LoginRequiredMixin, View):
    """Qualifications that expire in the next 90 days, by unit, among those the reader may
    read (a contributing nation's officer: its own people's)."""

    LIMIT = 2000

    def get(self, request):
        if not permissions.may(request.user, "view", Certificate):
            raise PermissionDenied
        today = timezone.localdate()
        readable = permissions.restrict(Certificate.objects.all(), request.user)
        rows = list(selectors.certificates_expiring(readable, today)[: self.LIMIT + 1])
        context = {
            "certificates": rows[: self.LIMIT],
            "more": len(rows) > self.LIMIT,
            "limit": self.LIMIT,
            "today": today,
            "days": selectors.EXPIRY_WINDOW_DAYS,
        }
        return render(request, "training/certificates_expiring.html", context)
