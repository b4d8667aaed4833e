package fr.espacefamille.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything of the query side: projections, the query API, notifications and the console. The
 * launcher imports it beside the command side; {@link QuerySideApplication} runs it alone.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
                                                      classes = SpringBootApplication.class))
public class QuerySide {
}
