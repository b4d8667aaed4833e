package fr.espacefamille.launcher;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Serves a folder of the web client as nginx does in the split deployment: {@code /staff/}
 * answers with the folder's {@code index.html}, and {@code /staff} is redirected there. The API
 * is left alone.
 */
@Component
class DirectoryIndex implements WebFilter {

    private static final String WEB_CLIENT = "META-INF/resources";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.length() <= 1 || path.startsWith("/api/") || path.contains("..")) {
            return chain.filter(exchange);
        }
        if (path.endsWith("/")) {
            ServerWebExchange index = exchange.mutate()
                    .request(exchange.getRequest().mutate().path(path + "index.html").build())
                    .build();
            return chain.filter(index);
        }
        if (isFolder(path)) {
            exchange.getResponse().setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            exchange.getResponse().getHeaders().setLocation(URI.create(path + "/"));
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    private static boolean isFolder(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && new ClassPathResource(WEB_CLIENT + path + "/index.html").exists();
    }
}
