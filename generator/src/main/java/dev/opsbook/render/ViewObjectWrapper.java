package dev.opsbook.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker's default object wrapper, with a short way to the components of view records. The default
 * wrapper reaches {@code link.href} through its bean introspection: a lookup of the class, then of the
 * property, then a reflective call that walks the stack to check the caller's access, for every
 * property of every page (4 to 5 % of a 10,000-page build's CPU time). Here each record class's
 * accessors are looked up once and called directly. Everything else, and anything on a record that is
 * not a component (a method call, {@code ?api}), goes to the default wrapper, so templates see the
 * same values, built-ins and errors as before.
 */
final class ViewObjectWrapper extends DefaultObjectWrapper {
    /** The accessors of a record class by component name; null for a class that is not only a record. */
    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            // a record that is also a list, a map or a template model is wrapped as that, by the default wrapper
            if (!type.isRecord() || type.getInterfaces().length > 0) {
                return null;
            }
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // a call without the per-call access check
                accessors.put(component.getName(), accessor);
            }
            return Map.copyOf(accessors);
        }
    };

    ViewObjectWrapper(freemarker.template.Version incompatibleImprovements) {
        super(new DefaultObjectWrapperBuilder(incompatibleImprovements), true);
    }

    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        if (obj instanceof Record) {
            Map<String, Method> components = COMPONENTS.get(obj.getClass());
            if (components != null) {
                return new RecordModel(obj, components, this);
            }
        }
        return super.wrap(obj);
    }

    /**
     * A view record as templates see it: what the default wrapper makes of an object (a hash, and a
     * string through {@code toString()}), whose components are read through their accessors.
     */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Map<String, Method> components;

        RecordModel(Object record, Map<String, Method> components, BeansWrapper wrapper) {
            super(record, wrapper);
            this.components = components;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method accessor = components.get(key);
            if (accessor == null) {
                return super.get(key);
            }
            try {
                return wrap(accessor.invoke(object));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(
                        "cannot read " + key + " of " + object.getClass().getName(), e);
            } catch (InvocationTargetException e) {
                throw new TemplateModelException(
                        "reading " + key + " of " + object.getClass().getSimpleName() + " failed", e.getCause());
            }
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key)
                throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
