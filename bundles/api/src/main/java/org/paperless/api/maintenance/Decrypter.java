package org.paperless.api.maintenance;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/**
 * paperless-ngx's decrypt_documents: originals and thumbnails stored GPG-encrypted ({@code .gpg}, as older
 * paperless versions stored them) are decrypted in place, crash-safe.
 */
@ProviderType
public interface Decrypter {

    MaintenanceReport decrypt(char[] passphrase, Progress progress);
}
