# Production image: migrations on start, then a multi-worker server, as a non-root user.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MUTUALITY_HOST=0.0.0.0 \
    MUTUALITY_PORT=8000 \
    MUTUALITY_WORKERS=4 \
    MUTUALITY_DATA_DIR=/var/lib/mutuality

WORKDIR /srv/mutuality
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /srv/mutuality mutuality \
    && mkdir -p /var/lib/mutuality \
    && chown mutuality /var/lib/mutuality

USER mutuality
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status != 200)"
# `serve` runs `alembic upgrade head` once, then starts MUTUALITY_WORKERS uvicorn workers.
CMD ["mutuality", "serve"]
