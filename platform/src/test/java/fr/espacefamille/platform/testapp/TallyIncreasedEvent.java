package fr.espacefamille.platform.testapp;

public record TallyIncreasedEvent(
        String tallyId,
        long amount,
        long total
) {
}
