package com.couponplatform.admin.usertag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.couponplatform.admin.web.Screen;
import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.targeting.LoadUserTags;
import com.couponplatform.targeting.UserTags;

/**
 * The user-tags screen: a bulk upload (a CSV file or lines typed in) that replaces each
 * listed user's tags, all lines or none — the use case checks every line before it
 * writes, and its errors come back named by line.
 */
@Screen
@RequestMapping("/screens/user-tags")
class UserTagScreens {

	/** {@code users[12].tags}: the use case's field for the 13th entry. */
	private static final Pattern ENTRY = Pattern.compile("users\\[(\\d+)]\\.(\\w+)");

	private final LoadUserTags loadUserTags;

	UserTagScreens(LoadUserTags loadUserTags) {
		this.loadUserTags = loadUserTags;
	}

	@GetMapping
	String page(Model model) {
		return page(model, "", List.of());
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String lines,
			Model model, RedirectAttributes flash) throws IOException {
		boolean fromFile = file != null && !file.isEmpty();
		Parsed parsed;
		try (Reader text = fromFile ? new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)
				: new StringReader(lines)) {
			parsed = parse(text);
		}
		if (parsed.users().isEmpty()) {
			return page(model, lines, List.of("Give a file or type lines: a user ID, then that user's tags."));
		}
		if (parsed.users().size() > LoadUserTags.MAX_USERS) {
			return page(model, lines, List
				.of("At most " + LoadUserTags.MAX_USERS + " users an upload; this one has " + "more. Split the file."));
		}
		try {
			int loaded = this.loadUserTags.load(parsed.users());
			flash.addFlashAttribute("done", "The tags of " + loaded + " users are replaced.");
		}
		catch (InvalidInputException invalid) {
			return page(model, lines, byLine(invalid.violations(), parsed.lineNumbers()));
		}
		return "redirect:/screens/user-tags";
	}

	private static String page(Model model, String lines, List<String> errors) {
		model.addAttribute("lines", lines);
		model.addAttribute("errors", errors);
		return "usertag/upload";
	}

	/**
	 * A line is a user ID, then their tags, separated by commas, semicolons or spaces; an
	 * empty line is skipped, and so is a first line starting {@code userId} (a header).
	 */
	private static Parsed parse(Reader text) throws IOException {
		List<UserTags> users = new ArrayList<>();
		List<Integer> lineNumbers = new ArrayList<>();
		BufferedReader reader = new BufferedReader(text);
		String line;
		int number = 0;
		// One entry past the limit is enough to refuse the upload: the rest is not read.
		while (users.size() <= LoadUserTags.MAX_USERS && (line = reader.readLine()) != null) {
			number++;
			List<String> fields = Arrays.stream(line.split("[,;\\s]+")).filter((field) -> !field.isEmpty()).toList();
			if (fields.isEmpty() || (number == 1 && fields.get(0).equalsIgnoreCase("userId"))) {
				continue;
			}
			users.add(new UserTags(fields.get(0), fields.subList(1, fields.size())));
			lineNumbers.add(number);
		}
		return new Parsed(users, lineNumbers);
	}

	/** The use case names entries by index; the operator knows lines. */
	private static List<String> byLine(List<FieldViolation> violations, List<Integer> lineNumbers) {
		return violations.stream().map((violation) -> {
			Matcher entry = ENTRY.matcher(violation.field());
			if (entry.matches()) {
				int index = Integer.parseInt(entry.group(1));
				return "Line " + lineNumbers.get(index) + ": " + ("userId".equals(entry.group(2)) ? "the user ID " : "")
						+ violation.message() + ".";
			}
			return violation.message() + ".";
		}).toList();
	}

	/**
	 * @param users the entries
	 * @param lineNumbers each entry's line in the upload
	 */
	private record Parsed(List<UserTags> users, List<Integer> lineNumbers) {
	}

}
