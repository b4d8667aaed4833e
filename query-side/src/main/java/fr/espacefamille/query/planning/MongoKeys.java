package fr.espacefamille.query.planning;

/**
 * Turns an id into a field name that MongoDB accepts: dossier numbers may hold a dot, which a
 * field path would read as nesting.
 */
final class MongoKeys {

    private MongoKeys() {
    }

    static String encode(String value) {
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String decode(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
