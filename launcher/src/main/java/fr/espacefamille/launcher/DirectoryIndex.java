package fr.espacefamille.launcher;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves a folder's {@code index.html} for an address ending with a slash ({@code /staff/}),
 * as the edge proxy does in the split deployment. The API is left alone.
 */
@Component
class DirectoryIndex implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.length() > 1 && path.endsWith("/") && !path.startsWith("/api/")) {
            ServerWebExchange index = exchange.mutate()
                    .request(exchange.getRequest().mutate().path(path + "index.html").build())
                    .build();
            return chain.filter(index);
        }
        return chain.filter(exchange);
    }
}
