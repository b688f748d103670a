package io.opencloud.controlplane.stac;

import io.opencloud.controlplane.stac.StacCatalog.StacItem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * One STAC item search (core item search with the query, sort and paging parts of the API), read from a POST body
 * or from GET parameters turned into the same JSON: collections, ids, bbox, datetime (an instant or an interval,
 * open with {@code ..}), {@code query} on numeric properties (eq, lt, lte, gt, gte), sortby and limit (1 to 100).
 */
public record StacSearch(Predicate<StacItem> filter, Comparator<StacItem> order, int limit, int offset) {

    public static final int MAX_LIMIT = 100;
    private static final Set<String> OPERATORS = Set.of("eq", "lt", "lte", "gt", "gte");

    public static StacSearch of(JsonNode body) {
        List<Predicate<StacItem>> filters = new ArrayList<>();
        if (body.has("collections")) {
            Set<String> wanted = strings(body.get("collections"), "collections");
            filters.add(item -> wanted.contains(item.collection()));
        }
        if (body.has("ids")) {
            Set<String> wanted = strings(body.get("ids"), "ids");
            filters.add(item -> wanted.contains(item.id()));
        }
        if (body.has("bbox")) {
            double[] box = bbox(body.get("bbox"));
            filters.add(item -> intersects(box, item.item().path("bbox")));
        }
        if (body.has("datetime")) {
            Instant[] range = interval(body.get("datetime").asString(""));
            filters.add(item -> {
                Instant at = Instant.parse(item.item().path("properties").path("datetime").asString());
                return (range[0] == null || !at.isBefore(range[0])) && (range[1] == null || !at.isAfter(range[1]));
            });
        }
        body.path("query").properties().forEach(entry -> filters.add(query(entry.getKey(), entry.getValue())));
        int limit = body.path("limit").asInt(10);
        if (body.has("limit") && (!body.get("limit").canConvertToInt() || limit < 1 || limit > MAX_LIMIT)) {
            throw new StacSearchException("limit must be an integer from 1 to " + MAX_LIMIT + ", not " + body.get("limit"));
        }
        int offset = 0;
        if (body.has("token")) {
            try {
                offset = Integer.parseInt(body.get("token").asString(""));
            } catch (NumberFormatException e) {
                throw new StacSearchException("token " + body.get("token") + " is not a token this catalog gave out");
            }
        }
        return new StacSearch(filters.stream().reduce(item -> true, Predicate::and), order(body.path("sortby")),
                limit, offset);
    }

    private static Set<String> strings(JsonNode node, String name) {
        if (!node.isArray()) {
            throw new StacSearchException(name + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asString()));
        return Set.copyOf(values);
    }

    private static double[] bbox(JsonNode node) {
        if (!node.isArray() || node.size() != 4) {
            throw new StacSearchException("bbox must be four numbers [west, south, east, north], not " + node);
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!node.get(i).isNumber()) {
                throw new StacSearchException("bbox must be four numbers [west, south, east, north], not " + node);
            }
            box[i] = node.get(i).asDouble();
        }
        if (box[1] > box[3] || Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90 || Math.abs(box[0]) > 180
                || Math.abs(box[2]) > 180) {
            throw new StacSearchException("bbox " + node + " is not a bounding box: latitudes within [-90, 90] with"
                    + " south not above north, longitudes within [-180, 180]");
        }
        return box;
    }

    /* A box whose west exceeds its east crosses the antimeridian: it is the union of two boxes. */
    private static boolean intersects(double[] box, JsonNode itemBox) {
        double west = itemBox.get(0).asDouble();
        double south = itemBox.get(1).asDouble();
        double east = itemBox.get(2).asDouble();
        double north = itemBox.get(3).asDouble();
        if (north < box[1] || south > box[3]) {
            return false;
        }
        if (box[0] <= box[2]) {
            return east >= box[0] && west <= box[2];
        }
        return east >= box[0] || west <= box[2];
    }

    private static Instant[] interval(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || text.isBlank()) {
            throw new StacSearchException("datetime must be an RFC 3339 instant or an interval a/b, not \"" + text + "\"");
        }
        Instant start = instant(parts[0], text);
        Instant end = parts.length == 1 ? start : instant(parts[1], text);
        if (start != null && end != null && start.isAfter(end)) {
            throw new StacSearchException("datetime interval " + text + " ends before it starts");
        }
        return new Instant[] {start, end};
    }

    private static Instant instant(String part, String whole) {
        if (part.isEmpty() || part.equals("..")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(part).toInstant();
        } catch (DateTimeParseException e) {
            throw new StacSearchException("datetime " + whole + ": \"" + part + "\" is not an RFC 3339 date-time");
        }
    }

    private static Predicate<StacItem> query(String property, JsonNode conditions) {
        List<Predicate<StacItem>> tests = new ArrayList<>();
        conditions.properties().forEach(condition -> {
            String operator = condition.getKey();
            if (!OPERATORS.contains(operator) || !condition.getValue().isNumber()) {
                throw new StacSearchException("query on " + property + ": only numeric " + OPERATORS
                        + " are supported, not " + operator + " " + condition.getValue());
            }
            double bound = condition.getValue().asDouble();
            tests.add(item -> {
                JsonNode value = item.item().path("properties").path(property);
                if (!value.isNumber()) {
                    return false;
                }
                int sign = Double.compare(value.asDouble(), bound);
                return switch (operator) {
                    case "eq" -> sign == 0;
                    case "lt" -> sign < 0;
                    case "lte" -> sign <= 0;
                    case "gt" -> sign > 0;
                    default -> sign >= 0;
                };
            });
        });
        return tests.stream().reduce(item -> true, Predicate::and);
    }

    private static Comparator<StacItem> order(JsonNode sortby) {
        Comparator<StacItem> order = null;
        for (JsonNode field : sortby) {
            String name = field.path("field").asString("");
            Comparator<StacItem> by = Comparator.comparing(item -> sortKey(item, name), StacSearch::compareKeys);
            if ("desc".equals(field.path("direction").asString("asc"))) {
                by = by.reversed();
            }
            order = order == null ? by : order.thenComparing(by);
        }
        Comparator<StacItem> fallback = Comparator.comparing((StacItem item) ->
                item.item().path("properties").path("datetime").asString()).thenComparing(StacItem::id);
        return order == null ? fallback : order.thenComparing(fallback);
    }

    private static JsonNode sortKey(StacItem item, String field) {
        if (field.equals("id") || field.equals("collection")) {
            return item.item().path(field);
        }
        return item.item().path("properties").path(field.startsWith("properties.") ? field.substring(11) : field);
    }

    private static int compareKeys(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.asString("").compareTo(b.asString(""));
    }
}
