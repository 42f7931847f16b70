# stance-tracker: build with `docker build -t stance-tracker .`
# Web:    docker run -p 8000:8000 -e STANCE_BIND=0.0.0.0:8000 -v st:/data stance-tracker
# Worker: docker run -v st:/data stance-tracker worker
# (For several machines set STANCE_DATABASE_URL=postgresql+psycopg://... and
#  STANCE_QUEUE_URL=redis://...; see README "Configuration".)

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU-only torch, pinned, from the PyTorch CPU index, before anything can pull a CUDA build.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    STANCE_DATA_DIR=/data \
    STANCE_MODEL_PATH=/app/models/stance-minilm \
    STANCE_ENCODER_ONNX_DIR=/app/models/minilm-encoder \
    STANCE_BIND=0.0.0.0:8000
RUN useradd --create-home --uid 10001 stance && mkdir -p /data /app && chown stance /data
COPY --from=build /opt/venv /opt/venv
COPY models /app/models
WORKDIR /app
USER stance
VOLUME ["/data"]
EXPOSE 8000
ENTRYPOINT ["stance-tracker"]
CMD ["serve"]
