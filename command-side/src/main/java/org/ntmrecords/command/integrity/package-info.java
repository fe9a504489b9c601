/**
 * The schedule of the store's integrity keys: each rotation names the next key generation and the moment it takes
 * effect, far enough ahead that every process sealing events learns of it before then.
 */
package org.ntmrecords.command.integrity;
