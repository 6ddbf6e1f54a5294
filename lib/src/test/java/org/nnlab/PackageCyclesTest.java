package org.nnlab;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library's packages form no cycle: each can be read, tested and changed with only the packages
 * below it in mind (nn does not reach back into check, plot not into notebook, ...). ArchUnit reads
 * the compiled classes, so an import used only in Javadoc does not count; a failure lists each cycle
 * with the classes and members that close it.
 */
class PackageCyclesTest {

    @Test
    @DisplayName("the packages org.nnlab.* depend on each other without cycles")
    void packagesAreFreeOfCycles() {
        JavaClasses library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.nnlab");
        slices().matching("org.nnlab.(*)..").should().beFreeOfCycles().check(library);
    }
}
