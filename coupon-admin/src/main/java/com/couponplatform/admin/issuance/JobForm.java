package com.couponplatform.admin.issuance;

/**
 * The new-job form as typed: the template, where the users come from, and when to start.
 * The uploaded file travels beside it as its own part.
 */
class JobForm {

	/** Where the job's users come from. */
	enum Source {

		/** A CSV file, a user ID in the first column of each line. */
		FILE,
		/** User IDs typed or pasted into the form. */
		PASTED,
		/** The users the local tag store finds for an expression. */
		TAGS

	}

	private String templateId;

	private Source source = Source.FILE;

	private String userIds;

	private String tagExpression;

	private String startAt;

	public String getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(String templateId) {
		this.templateId = templateId;
	}

	public Source getSource() {
		return this.source;
	}

	public void setSource(Source source) {
		this.source = source;
	}

	public String getUserIds() {
		return this.userIds;
	}

	public void setUserIds(String userIds) {
		this.userIds = userIds;
	}

	public String getTagExpression() {
		return this.tagExpression;
	}

	public void setTagExpression(String tagExpression) {
		this.tagExpression = tagExpression;
	}

	public String getStartAt() {
		return this.startAt;
	}

	public void setStartAt(String startAt) {
		this.startAt = startAt;
	}

}
