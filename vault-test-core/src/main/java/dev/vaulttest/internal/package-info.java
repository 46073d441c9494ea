/** Helpers shared by the library's packages; not part of the API and may change without notice. */
package dev.vaulttest.internal;
