# The CITIES-GROW platform: one image for web (gunicorn), worker and beat (Celery).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint renders the PDF deliverables with Pango; Noto covers every European script.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-noto-core fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 citiesgrow
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
RUN SECRET_KEY=build-only python manage.py collectstatic --no-input \
    && SECRET_KEY=build-only python manage.py compiletranslations \
    && mkdir -p /app/media && chown citiesgrow /app/media

USER citiesgrow
EXPOSE 8000
CMD ["gunicorn", "citiesgrow.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
