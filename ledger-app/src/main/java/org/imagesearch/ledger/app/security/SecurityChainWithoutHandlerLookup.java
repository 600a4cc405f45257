package org.imagesearch.ledger.app.security;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

import java.util.List;

/**
 * Takes Spring MVC's handler lookup out of the security filter chain. When Spring MVC is present,
 * Spring Security 6.5 wraps its {@code springSecurityFilterChain} in a composite whose first filter
 * asks every handler mapping which handler each request goes to, and caches the answer for MVC
 * request matchers and MVC's CORS configuration. The ledger uses neither (its rules are path
 * patterns, {@link AccessControl#pathPatternRequestMatchers}; it configures no CORS), so that lookup,
 * made again by the dispatcher right after, was pure cost: about 15% of the request threads' time
 * in the reads benchmark (docs/benchmarks.md). This puts the chain's own definition back.
 *
 * <p>It runs in {@code postProcessBeanFactory}, after every registry post-processor, Spring
 * Security's own included, and before any bean is made. Should a later Spring Security build the
 * composite differently, it leaves the definition as it finds it.
 */
final class SecurityChainWithoutHandlerLookup implements BeanDefinitionRegistryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    static final String COMPOSITE = "org.springframework.security.config.annotation.web.configuration"
            + ".WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // the composite is registered by another registry post-processor; see postProcessBeanFactory
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        if (!COMPOSITE.equals(chain.getBeanClassName())) {
            return;
        }
        ConstructorArgumentValues.ValueHolder filters = chain.getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        if (filters == null) {
            filters = chain.getConstructorArgumentValues().getGenericArgumentValue(List.class);
        }
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(1) instanceof BeanDefinition original) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, original);
        }
    }
}
