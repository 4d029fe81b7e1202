"""The page of a background job: how far it is while it runs, its result when finished."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.views import View

from .models import Job


def result_template(job):
    """The template that shows a finished job's result: `jobs/<kind>.html`, if there is one."""
    try:
        return select_template([f"jobs/{job.kind}.html"])
    except TemplateDoesNotExist:
        return None


class JobView(LoginRequiredMixin, View):
    """/jobs/<pk>/: only whoever started the job sees it; htmx polls it until the job ends."""

    def get(self, request, pk):
        job = get_object_or_404(Job.objects.filter(user=request.user), pk=pk)
        template = "jobs/_job.html" if request.htmx else "jobs/job.html"
        context = {"job": job, "result_template": result_template(job)}
        return render(request, template, context)
