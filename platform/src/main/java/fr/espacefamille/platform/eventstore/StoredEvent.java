package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * An event as read from the store, still serialized, ready for the upcaster chain.
 *
 * <p>Events published outside an aggregate have no type; like Axon's own engines, they carry
 * their event identifier as aggregate identifier and sequence number zero.
 */
record StoredEvent(
        TrackingToken trackingToken,
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        Instant timestamp,
        SerializedObject<JsonNode> payload,
        SerializedObject<JsonNode> metaData
) implements DomainEventData<JsonNode>, TrackedEventData<JsonNode> {

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return metaData;
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return payload;
    }

    StoredEvent withToken(TrackingToken token) {
        return new StoredEvent(token, type, aggregateIdentifier, sequenceNumber, eventIdentifier,
                               timestamp, payload, metaData);
    }
}
