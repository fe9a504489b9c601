package org.ntmrecords.infra.api;

import java.util.List;

/**
 * A page of a list that grows (a Relay connection): its items with their cursors, where it stands in the list, and
 * how many items the whole list holds with the same filters, on every page.
 *
 * @param <T> the items
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    /** One item and the cursor that continues the list after (or before) it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Whether pages come before or after this one, and the cursors of its first and last items. */
    public record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
    }
}
