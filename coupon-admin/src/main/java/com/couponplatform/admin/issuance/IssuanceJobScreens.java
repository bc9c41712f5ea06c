package com.couponplatform.admin.issuance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.couponplatform.admin.web.FormFields;
import com.couponplatform.admin.web.Screen;
import com.couponplatform.issuance.ControlIssuanceJob;
import com.couponplatform.issuance.CreateIssuanceJob;
import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.ReadIssuanceJob;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Instants;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.template.ListTemplates;
import com.couponplatform.template.TemplateStatus;

/**
 * The issuance screens, over the API's use cases: the jobs, newest first; a new job from
 * a template picker and a CSV upload, pasted user IDs or a tag expression; the job page,
 * whose progress the browser polls (htmx) until the job ends, with its controls and the
 * failures download.
 */
@Screen
@RequestMapping("/screens/issuance-jobs")
class IssuanceJobScreens {

	private static final int PAGE = 20;

	private final CreateIssuanceJob createJob;

	private final ReadIssuanceJob readJob;

	private final ControlIssuanceJob controlJob;

	private final ListTemplates listTemplates;

	private final Clock clock;

	IssuanceJobScreens(CreateIssuanceJob createJob, ReadIssuanceJob readJob, ControlIssuanceJob controlJob,
			ListTemplates listTemplates, Clock clock) {
		this.createJob = createJob;
		this.readJob = readJob;
		this.controlJob = controlJob;
		this.listTemplates = listTemplates;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page",
				this.readJob.list(cursor, PAGE).map((job) -> JobProgress.of(job, this.clock.instant())));
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		return "issuance/list";
	}

	@GetMapping("/new")
	String newJob(@RequestParam(required = false) String templateId, Model model) {
		JobForm form = new JobForm();
		form.setTemplateId(templateId);
		return form(model, form, Map.of());
	}

	@PostMapping
	String create(@ModelAttribute("form") JobForm form, @RequestParam(required = false) MultipartFile file,
			Principal operator, Model model) throws IOException {
		// Not active, or not enough stock, is said above the form.
		return FormFields.submit(model, () -> create(form, file, operator.getName()),
				(job) -> "redirect:/screens/issuance-jobs/" + job.id(), (errors) -> form(model, form, errors));
	}

	private IssuanceJob create(JobForm form, MultipartFile file, String operator) throws IOException {
		long templateId = Ids.parse("templateId", form.getTemplateId());
		var startAt = Instants.parseOptional("startAt", FormFields.blankToNull(form.getStartAt()));
		return switch (form.getSource()) {
			case TAGS -> this.createJob.createForSegment(templateId, form.getTagExpression(), startAt, operator);
			case PASTED -> this.createJob.create(templateId, pasted(form.getUserIds()), startAt, operator);
			case FILE -> {
				if (file == null || file.isEmpty()) {
					throw new InvalidInputException("file", "choose a CSV file with a user ID on each line");
				}
				try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					yield this.createJob.create(templateId, TargetLines.ofCsv(csv), startAt, operator);
				}
			}
		};
	}

	/** Pasted IDs may come a line each, or separated by commas or spaces. */
	private static TargetLines pasted(String text) {
		String lines = (text == null) ? "" : text.strip().replaceAll("[,;\\s]+", "\n");
		return TargetLines.ofCsv(new StringReader(lines));
	}

	private String form(Model model, JobForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("templates",
				this.listTemplates.list(TemplateStatus.ACTIVE, null, ListTemplates.MAX_LIMIT).items());
		return "issuance/form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable String id, Model model) {
		progress(id, model);
		return "issuance/detail";
	}

	/**
	 * The progress fragment the page polls; the controls come along (swapped out of band)
	 * only when the status is no longer the one the page shows, so a poll never takes the
	 * keyboard's focus from a button.
	 */
	@GetMapping("/{id}/progress")
	String progressFragment(@PathVariable String id, @RequestParam(required = false) String shown, Model model) {
		JobProgress progress = progress(id, model);
		model.addAttribute("statusChanged", !progress.status().name().equals(shown));
		return "issuance/progress";
	}

	private JobProgress progress(String id, Model model) {
		JobProgress progress = JobProgress.of(this.readJob.read(Ids.parse("id", id)), this.clock.instant());
		model.addAttribute("progress", progress);
		model.addAttribute("job", progress.job());
		model.addAttribute("actions", JobAction.of(progress.status()));
		return progress;
	}

	@PostMapping("/{id}/{action}")
	String control(@PathVariable String id, @PathVariable String action, RedirectAttributes flash) {
		long jobId = Ids.parse("id", id);
		JobAction wanted = JobAction.named(action);
		try {
			IssuanceJob job = wanted.apply(this.controlJob, jobId);
			flash.addFlashAttribute("done",
					"Job " + job.id() + " is " + JobProgress.of(job, this.clock.instant()).status() + ".");
		}
		catch (RuleViolationException refused) {
			// The job moved on meanwhile (it completed, say): the page shows it as it is.
			flash.addFlashAttribute("refused", refused.getMessage());
		}
		return "redirect:/screens/issuance-jobs/" + jobId;
	}

	@GetMapping("/{id}/failures.csv")
	ResponseEntity<StreamingResponseBody> failures(@PathVariable String id) {
		return FailuresCsv.download(this.readJob, Ids.parse("id", id));
	}

}
