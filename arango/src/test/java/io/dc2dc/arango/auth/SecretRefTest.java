package io.dc2dc.arango.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {

    @TempDir Path dir;

    @Test
    void rereadsTheFileWhenItChanges() throws IOException {
        Path file = dir.resolve("password");
        Files.writeString(file, "first\n");
        SecretRef ref = SecretRef.file(file.toString());
        assertThat(ref.resolveString()).isEqualTo("first");

        // same length, so only the modification time tells the change
        Files.writeString(file, "secnd\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(ref.resolveString()).isEqualTo("secnd");

        // an atomic replace (new inode) with a different length
        Path tmp = dir.resolve("password.tmp");
        Files.writeString(tmp, "third-longer\r\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(ref.resolveString()).isEqualTo("third-longer");
        assertThat(ref.resolve()).isEqualTo("third-longer\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void returnsCopiesSoCallersMayWipeThem() throws IOException {
        Path file = dir.resolve("jwt");
        Files.writeString(file, "abc");
        SecretRef ref = SecretRef.file(file.toString());
        byte[] first = ref.resolve();
        first[0] = 0;
        assertThat(ref.resolve()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void neverShowsTheSecret() throws IOException {
        Path file = dir.resolve("s");
        Files.writeString(file, "hunter2");
        SecretRef ref = SecretRef.file(file.toString());
        assertThat(ref.toString())
                .isEqualTo("SecretRef[FILE " + file + "]")
                .doesNotContain("hunter2");
        assertThat(SecretRef.env("DC2DC_NOT_SET_" + System.nanoTime()).toString())
                .startsWith("SecretRef[ENV DC2DC_NOT_SET_");
        assertThat(SecretRef.none().toString()).isEqualTo("SecretRef[NONE]");
    }

    @Test
    void reportsMissingSourcesByName() {
        String var = "DC2DC_NOT_SET_" + System.nanoTime();
        assertThatThrownBy(() -> SecretRef.env(var).resolve()).hasMessageContaining(var);
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SecretRef.file(missing.toString()).resolve())
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void resolvesEnvironmentVariables() {
        // PATH is set in every build environment
        assertThat(SecretRef.env("PATH").resolveString()).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void noneResolvesToNullAndIsValidated() {
        assertThat(SecretRef.none().resolve()).isNull();
        assertThat(SecretRef.none().isPresent()).isFalse();
        assertThat(new SecretRef(SecretRef.Kind.NONE, "ignored").name()).isNull();
        assertThatThrownBy(() -> SecretRef.file(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSerializable() throws Exception {
        SecretRef ref = SecretRef.file("/etc/dc2dc/jwt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(ref);
        }
    }
}
