/**
 * The integrity keys of the store: from a stated time, events are sealed and checkpoints signed with a new generation
 * of keys; the rotation is recorded with its reason and basis, and the public key it brings.
 */
package org.ntmrecords.events.integrity;
