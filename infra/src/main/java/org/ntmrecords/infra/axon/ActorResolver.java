package org.ntmrecords.infra.axon;

import java.util.Optional;

/** Tells who is acting on the current thread: the authenticated principal of the request being handled. */
public interface ActorResolver {
    Optional<Actor> current();
}
