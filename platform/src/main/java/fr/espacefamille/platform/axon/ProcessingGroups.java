package fr.espacefamille.platform.axon;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;

import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;

/** The processing groups that the application's beans declare, found without creating the beans. */
final class ProcessingGroups {

    private ProcessingGroups() {
    }

    /** Every group named by a bean's {@link ProcessingGroup}. */
    static Set<String> all(ListableBeanFactory beans) {
        return of(beans, ProcessingGroup.class);
    }

    /** The groups of the beans that also carry the given annotation. */
    static Set<String> of(ListableBeanFactory beans, Class<? extends Annotation> marker) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(marker)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
