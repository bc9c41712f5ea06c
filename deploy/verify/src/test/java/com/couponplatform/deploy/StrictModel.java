package com.couponplatform.deploy;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Unknown fields in a fabric8 model object: its classes keep what they do not know in
 * {@code additionalProperties} instead of refusing it, so a misspelt or misplaced field
 * (a probe under the pod instead of the container) would pass deserialisation silently.
 * This walks the whole object and names every such field by its path.
 */
final class StrictModel {

	private StrictModel() {
	}

	static List<String> unknownFields(Object model) {
		List<String> unknown = new ArrayList<>();
		walk(model, "", unknown);
		return unknown;
	}

	private static void walk(Object value, String path, List<String> unknown) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				walk(item, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, item) -> walk(item, path + "." + key, unknown));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		try {
			for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass()).getPropertyDescriptors()) {
				Method getter = property.getReadMethod();
				if (getter == null || getter.getParameterCount() != 0 || property.getName().equals("class")) {
					continue;
				}
				Object child = getter.invoke(value);
				if (property.getName().equals("additionalProperties")) {
					((Map<?, ?>) child).keySet().forEach((key) -> unknown.add(path + "." + key));
				}
				else {
					walk(child, path + "." + property.getName(), unknown);
				}
			}
		}
		catch (ReflectiveOperationException | java.beans.IntrospectionException ex) {
			throw new IllegalStateException("Cannot read " + value.getClass(), ex);
		}
	}

}
