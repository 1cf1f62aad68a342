# The app for a department server: the README's first command, in Debian 12 with Python 3.11.
#   docker build -t dl-classroom .        (CPU-only PyTorch: --build-arg PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu)
#   docker run -p 8501:8501 -v dl-data:/data dl-classroom
# Data sets and weights are read from the /data volume (downloaded into it on first use); a folder prepared with
# scripts/prepare_offline.py can be mounted there instead, with -e DL_CLASSROOM_OFFLINE=1 for a server without network.
FROM python:3.11-slim-bookworm
ARG PIP_EXTRA_INDEX_URL
WORKDIR /app
COPY requirements.txt .
RUN python3 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt
COPY . .
ENV DL_CLASSROOM_DATA=/data STREAMLIT_SERVER_HEADLESS=true
VOLUME /data
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD .venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://localhost:8501/_stcore/health')"
CMD [".venv/bin/python", "-m", "streamlit", "run", "app.py"]
