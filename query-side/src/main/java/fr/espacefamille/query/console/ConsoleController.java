package fr.espacefamille.query.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The staff console's processor page: status, replay, dead letters. Staff only, by its path. */
@RestController
@RequestMapping("/api/staff/console/processors")
class ConsoleController {

    private final EventProcessorConsole console;

    ConsoleController(EventProcessorConsole console) {
        this.console = console;
    }

    @GetMapping
    Mono<List<ProcessorStatus>> processors() {
        return offTheEventLoop(console::processors);
    }

    @GetMapping("/{name}")
    Mono<ProcessorStatus> processor(@PathVariable String name) {
        return offTheEventLoop(() -> console.processor(name));
    }

    @PostMapping("/{name}/replay")
    Mono<ProcessorStatus> replay(@PathVariable String name) {
        return offTheEventLoop(() -> console.replay(name));
    }

    @PostMapping("/{name}/dead-letters/retry")
    Mono<Map<String, Integer>> retryDeadLetters(@PathVariable String name) {
        return offTheEventLoop(() -> Map.of("sequencesPassed", console.retryDeadLetters(name)));
    }

    private static <T> Mono<T> offTheEventLoop(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
