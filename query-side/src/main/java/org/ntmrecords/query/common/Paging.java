package org.ntmrecords.query.common;

import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * Page sizes of GraphQL connections: a default when none is asked for, and a ceiling
 * ({@code ntm.graphql.limits.default-page-size}, {@code ntm.graphql.limits.max-page-size}).
 */
@Component
public class Paging {
    private final int defaultSize;
    private final int maxSize;

    public Paging(@Value("${ntm.graphql.limits.default-page-size:50}") int defaultSize,
                  @Value("${ntm.graphql.limits.max-page-size:200}") int maxSize) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    /** The number of items to return, refusing sizes the API does not serve. */
    public int size(ScrollSubrange subrange) {
        int size = subrange.count().orElse(defaultSize);
        if (size < 1 || size > maxSize) {
            throw new InvalidArgumentException("page size must be between 1 and " + maxSize + ", not " + size);
        }
        return size;
    }

    /** The keys of a keyset cursor, or empty for the first page. */
    public Optional<Map<String, Object>> keys(ScrollSubrange subrange) {
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
