package com.couponplatform.admin.codebatch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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

import com.couponplatform.admin.web.FormFields;
import com.couponplatform.admin.web.Screen;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.redemption.CodeBatch;
import com.couponplatform.redemption.CreateCodeBatch;
import com.couponplatform.redemption.NewCodeBatch;
import com.couponplatform.redemption.ReadCodeBatch;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.template.ListTemplates;
import com.couponplatform.template.TemplateStatus;

/**
 * The code-batch screens, over the API's use cases: the batches, newest first; a new
 * batch generated or imported from a file; the batch page, whose progress the browser
 * polls while its codes are being generated, and the export once they are all there.
 */
@Screen
@RequestMapping("/screens/code-batches")
class CodeBatchScreens {

	private static final int PAGE = 20;

	private final CreateCodeBatch createBatch;

	private final ReadCodeBatch readBatch;

	private final ListTemplates listTemplates;

	CodeBatchScreens(CreateCodeBatch createBatch, ReadCodeBatch readBatch, ListTemplates listTemplates) {
		this.createBatch = createBatch;
		this.readBatch = readBatch;
		this.listTemplates = listTemplates;
	}

	@GetMapping
	String list(@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", this.readBatch.list(cursor, PAGE));
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		return "codebatch/list";
	}

	@GetMapping("/new")
	String newBatch(@RequestParam(required = false) String templateId, Model model) {
		CodeBatchForm form = new CodeBatchForm();
		form.setTemplateId(templateId);
		return form(model, form, Map.of());
	}

	@PostMapping
	String create(@ModelAttribute("form") CodeBatchForm form, @RequestParam(required = false) MultipartFile file,
			Principal operator, Model model) throws IOException {
		// Not active, or not enough stock for the codes' uses, is said above the form.
		return FormFields.submit(model, () -> create(form, file, operator.getName()),
				(batch) -> "redirect:/screens/code-batches/" + batch.id(), (errors) -> form(model, form, errors));
	}

	private CodeBatch create(CodeBatchForm form, MultipartFile file, String operator) throws IOException {
		NewCodeBatch request = form.request();
		if (form.getSource() == CodeBatchForm.Source.GENERATE) {
			return this.createBatch.generate(request, operator);
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "choose a CSV file with a code on each line");
		}
		try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			return this.createBatch.importCodes(request, TargetLines.ofCsv(csv), operator);
		}
	}

	private String form(Model model, CodeBatchForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("templates",
				this.listTemplates.list(TemplateStatus.ACTIVE, null, ListTemplates.MAX_LIMIT).items());
		return "codebatch/form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable String id, Model model) {
		model.addAttribute("batch", this.readBatch.read(Ids.parse("id", id)));
		return "codebatch/detail";
	}

	/** The progress fragment the page polls while the batch generates. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("batch", this.readBatch.read(Ids.parse("id", id)));
		return "codebatch/detail :: progress";
	}

	@GetMapping("/{id}/codes.csv")
	ResponseEntity<StreamingResponseBody> codes(@PathVariable String id) {
		return CodesCsv.download(this.readBatch, Ids.parse("id", id));
	}

}
