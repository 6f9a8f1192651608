"""HTTP handlers: every slow job goes to the background."""
from harbor import util


def submit(request):
    util.run_later(request.job, request.delay)
    return {"status": "accepted"}


def submit_now(request):
    util.run_soon(request.job)
    return {"status": "accepted"}
