package com.couponplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's files, found from this module's folder (deploy/verify), where Maven
 * runs its tests.
 */
final class Repository {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

	private Repository() {
	}

	static Path file(String path) {
		return ROOT.resolve(path);
	}

	static String read(String path) {
		try {
			return Files.readString(file(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> files(String folder, String suffix) {
		try (Stream<Path> paths = Files.list(file(folder))) {
			return paths.filter((path) -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
