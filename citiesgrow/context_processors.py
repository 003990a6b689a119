from mentoring.selectors import current_programme


def platform(request):
    return {"current_programme": current_programme()}
