# repforge: build the wheel in one stage, install it alone on a slim base in the next.
FROM python:3.11-slim AS build
WORKDIR /src
RUN pip install --no-cache-dir build==1.2.2
COPY pyproject.toml README.md alembic.ini ./
COPY src ./src
RUN python -m build --wheel --outdir /dist

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    REPFORGE_ENVIRONMENT=production \
    REPFORGE_HOST=0.0.0.0 \
    REPFORGE_PORT=8000 \
    REPFORGE_DATA_DIR=/var/lib/repforge
COPY --from=build /dist/*.whl /tmp/
RUN pip install --no-cache-dir /tmp/*.whl \
    && rm /tmp/*.whl \
    && useradd --system --uid 10001 --home-dir /var/lib/repforge --create-home repforge
USER repforge
WORKDIR /var/lib/repforge
VOLUME ["/var/lib/repforge"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["repforge"]
CMD ["serve"]
