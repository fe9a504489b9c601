package org.ntmrecords.query.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
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

    /**
     * A page from rows fetched one beyond its size (so that their number tells whether more follow), in display
     * order; {@code keys} gives each row's cursor position.
     */
    public <T> Window<T> window(List<T> fetched, int size, boolean forward, Function<T, Map<String, Object>> keys) {
        List<T> rows = new ArrayList<>(fetched);
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(forward ? rows.size() - 1 : 0);
        }
        return Window.from(rows, i -> {
            Map<String, Object> position = new LinkedHashMap<>(keys.apply(rows.get(i)));
            return forward ? ScrollPosition.forward(position) : ScrollPosition.backward(position);
        }, more);
    }
}
