package fr.espacefamille.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.events.Audit;
import fr.espacefamille.platform.eventstore.EventStoreProperties;
import fr.espacefamille.platform.eventstore.MongoEventStorageEngine;
import fr.espacefamille.platform.readmodel.BatchedDocuments;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Wires Axon on MongoDB without Axon Server: the project's event storage engine, the Mongo
 * extension's token store and dead-letter queue, the aggregate cache and snapshots.
 *
 * <p>Every event processor is a tracking processor that handles events in batches; every
 * processing group gets a dead-letter queue in MongoDB, so that one poisonous event parks its
 * sequence instead of stopping the whole projection.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonMongoConfiguration {

    /** The bean name that aggregates give in {@code @Aggregate(cache = ...)}. */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    /** The bean name that aggregates give in {@code @Aggregate(snapshotTriggerDefinition = ...)}. */
    public static final String SNAPSHOT_TRIGGER = "snapshotTrigger";
    /** The town's time zone: cut-offs and e-mails speak Paris time. */
    public static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");

    @Bean
    public MongoDatabase espaceFamilleDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(TOWN_ZONE);
    }

    @Bean
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
                                                      ObjectMapper objectMapper,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      org.axonframework.config.Configuration configuration,
                                                      EventStoreProperties properties) {
        // Gaps age in real time, not on the town's clock, which tests move by days: a position
        // still being written would be given up at once and its event never delivered.
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(database)
                .objectMapper(objectMapper)
                .batchSize(properties.batchSize())
                // Two of a processor's batches: the next is read while one is handled.
                .readAhead(2 * properties.processorBatchSize())
                .gapTimeout(properties.gapTimeout())
                .maxGapOffset(properties.maxGapOffset())
                .clock(Clock.systemUTC())
                .snapshotSerializer(aggregateStateSerializer(objectMapper))
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Snapshots hold an aggregate's private fields, which have no getters: this serializer reads
     * and writes fields directly, and leaves the events' serializer as it is.
     */
    private static Serializer aggregateStateSerializer(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.getMongoClientDatabase())
                .trackingTokensCollectionName("tracking_tokens")
                .deadLetterCollectionName("dead_letters")
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /**
     * Each node's aggregates, checked against the store before use when other nodes may have
     * appended to them; used as they are when this node is the store's only writer.
     */
    @Bean(AGGREGATE_CACHE)
    public Cache aggregateCache(EventStoreProperties properties, MongoEventStorageEngine eventStorageEngine) {
        Cache cache = new BoundedAggregateCache(properties.cachedAggregates());
        return properties.singleWriter() ? cache : new StaleCheckingCache(cache, eventStorageEngine);
    }

    /**
     * Axon's snapshotter, as its auto-configuration builds it, but taking snapshots on a thread
     * of its own: by default the command that crosses the threshold waits while the whole stream
     * is read again. One thread keeps a node's snapshots of an aggregate in order.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(daemon("snapshotter")))
                .build();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, EventStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Keeps the origin of every message, as Axon does by default: correlation and trace ids. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies the command's author onto the events it records, for the audit trail. */
    @Bean
    public CorrelationDataProvider authorProvider() {
        return new SimpleCorrelationDataProvider(Audit.AUTHOR);
    }

    /** Every aggregate finds its commands' targets through members looked up once per command class. */
    @Bean
    public ConfigurerModule cachedCommandTargets() {
        CachedCommandTargets targets = new CachedCommandTargets();
        return configurer -> configurer.registerComponent(CommandTargetResolver.class, configuration -> targets);
    }

    /** The command gateway, retrying a command that lost a race on its aggregate. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(daemon("command-retry"));
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries, 3))
                .build();
    }

    /** E-mail and other side-effect groups: one event at a time, from the moment they first run. */
    @Bean
    public ConfigurerModule sideEffectProcessors(ListableBeanFactory beans, Clock clock) {
        return new SideEffectProcessors(beans, clock);
    }

    /** Retries the side effects that waited for a read model to catch up. */
    @Bean
    public SmartLifecycle readModelBehindRetries(ObjectProvider<EventProcessingConfiguration> processing,
                                                 ListableBeanFactory beans) {
        return new ReadModelBehindRetries(processing, SideEffectProcessors.groups(beans));
    }

    @Bean
    public SideEffectLog sideEffectLog(MongoDatabase database, Clock clock) {
        return new SideEffectLog(database, clock);
    }

    @Bean
    public ConfigurerModule trackingProcessorsWithDeadLetters(MongoTemplate axonMongoTemplate,
                                                              Serializer serializer,
                                                              EventStoreProperties properties,
                                                              ListableBeanFactory beans) {
        return configurer -> {
            trackingWithDeadLetters(configurer.eventProcessing(), axonMongoTemplate, serializer, properties);
            // While a group's queue holds nothing for a sequence, its events do not ask the
            // database whether that sequence is parked: without this, one query per event.
            ProcessingGroups.all(beans).forEach(group -> configurer.eventProcessing()
                    .registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (config, builder) -> builder.enableSequenceIdentifierCache()));
        };
    }

    private static void trackingWithDeadLetters(EventProcessingConfigurer processing,
                                                MongoTemplate axonMongoTemplate,
                                                Serializer serializer,
                                                EventStoreProperties properties) {
        processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.processorBatchSize()))
                .registerDeadLetterQueueProvider(
                        processingGroup -> config -> MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .build())
                // Read models batched in memory are written before the processor stores its token.
                .registerDefaultHandlerInterceptor((config, name) -> new BatchedDocuments.FlushBeforeTokenUpdate());
    }
}
