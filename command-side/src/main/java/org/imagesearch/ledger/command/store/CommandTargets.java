package org.imagesearch.ledger.command.store;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Finds the aggregate a command is for: its {@link TargetAggregateIdentifier} member, looked up once
 * per command class. Axon's {@code AnnotationCommandTargetResolver} walks the class's annotations on
 * every command, which took about 9% of a command's CPU in the benchmarks (JFR, PostgreSQL). No
 * command of the ledger names an expected aggregate version, so none is resolved.
 */
public class CommandTargets implements CommandTargetResolver {

    private final ClassValue<MethodHandle> identifiers = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return identifierOf(type);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object identifier;
        try {
            identifier = identifiers.get(command.getPayloadType()).invoke(command.getPayload());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the target of " + command.getPayloadType().getName(), e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate: "
                    + command.getPayloadType().getSimpleName());
        }
        return new VersionedAggregateIdentifier(identifier, null);
    }

    private static MethodHandle identifierOf(Class<?> type) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Method accessor = component.getAccessor();
                    if (component.isAnnotationPresent(TargetAggregateIdentifier.class)
                            || accessor.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                        return lookup.unreflect(accessor);
                    }
                }
            }
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                        field.setAccessible(true);
                        return MethodHandles.lookup().unreflectGetter(field);
                    }
                }
                for (Method method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(TargetAggregateIdentifier.class) && method.getParameterCount() == 0) {
                        method.setAccessible(true);
                        return MethodHandles.lookup().unreflect(method);
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the target of " + type.getName(), e);
        }
        throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate: "
                + type.getSimpleName());
    }
}
