# The edge: nginx serves the web client and routes /api/ to the command or the query side.
# Build from the repository root: docker build -f deploy/edge.Dockerfile .

FROM nginx:1.27-alpine
COPY deploy/nginx/espace-famille.conf /etc/nginx/conf.d/default.conf
COPY web-client/src/main/resources/META-INF/resources/ /usr/share/nginx/html/
