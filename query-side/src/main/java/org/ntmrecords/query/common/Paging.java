package org.ntmrecords.query.common;

import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/** Page sizes of GraphQL connections: a default when none is asked for, and a ceiling. */
public final class Paging {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    private Paging() {
    }

    /** The number of items to return, refusing sizes the API does not serve. */
    public static int size(ScrollSubrange subrange) {
        int size = subrange.count().orElse(DEFAULT_PAGE_SIZE);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidArgumentException(
                    "page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
        }
        return size;
    }

    /** The keys of a keyset cursor, or empty for the first page. */
    public static Optional<Map<String, Object>> keys(ScrollSubrange subrange) {
        Optional<ScrollPosition> position = subrange.position();
        if (position.isEmpty() || position.get().isInitial()) {
            return Optional.empty();
        }
        if (position.get() instanceof KeysetScrollPosition keyset) {
            return Optional.of(keyset.getKeys());
        }
        throw new InvalidArgumentException("this cursor does not belong to this list");
    }
}
