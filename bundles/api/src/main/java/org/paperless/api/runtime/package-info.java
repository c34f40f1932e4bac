/**
 * Services that go away for a moment (a bundle restarted, updated, stopped and started again) and the work
 * that waits for them, bounded, instead of failing.
 */
@Version("1.0.0")
package org.paperless.api.runtime;

import org.osgi.annotation.versioning.Version;
