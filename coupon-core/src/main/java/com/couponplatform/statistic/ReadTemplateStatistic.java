package com.couponplatform.statistic;

import org.springframework.stereotype.Service;

/**
 * The back office reads a template's counters.
 */
@Service
public class ReadTemplateStatistic {

	private final TemplateStatisticMapper statistics;

	ReadTemplateStatistic(TemplateStatisticMapper statistics) {
		this.statistics = statistics;
	}

	/**
	 * The template's counters; zero when no event has arrived yet.
	 * @param templateId the template
	 * @return its counters
	 */
	public TemplateStatistic read(long templateId) {
		TemplateStatistic found = this.statistics.find(templateId);
		return (found != null) ? found : TemplateStatistic.none(templateId);
	}

}
