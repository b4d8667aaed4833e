package fr.espacefamille.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything of the command side: aggregates, command handlers and the command API. The
 * launcher imports it beside the query side; {@link CommandSideApplication} runs it alone.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
                                                      classes = SpringBootApplication.class))
public class CommandSide {
}
