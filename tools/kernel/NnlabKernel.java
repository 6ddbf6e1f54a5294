package org.nnlab.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.kernel.JavaKernel;
import org.dflib.jjava.kernel.JavaKernelBuilder;
import org.dflib.jjava.kernel.execution.CodeEvaluator;
import org.dflib.jjava.kernel.execution.CompilationException;
import org.dflib.jjava.kernel.execution.EvaluationInterruptedException;
import org.dflib.jjava.kernel.magics.ClasspathMagic;
import org.dflib.jjava.kernel.magics.JarsMagic;
import org.dflib.jjava.kernel.magics.LoadMagic;
import org.dflib.jjava.kernel.magics.TimeMagic;
import org.dflib.jjava.maven.MavenDependencyResolver;
import org.dflib.jjava.maven.magics.AddMavenDependencyMagic;
import org.dflib.jjava.maven.magics.LoadFromPomCellMagic;
import org.dflib.jjava.maven.magics.LoadFromPomLineMagic;
import org.dflib.jjava.maven.magics.MavenMagic;
import org.dflib.jjava.maven.magics.MavenRepoMagic;

/**
 * The "Java (nnlab)" kernel: JJava's {@link JavaKernel} with four changes a student notices.
 * Compiled by {@code ./nnlab setup} against the kernelspec's {@code jjava.jar} (JJava 1.0-a8 is not
 * on Maven Central) and started in place of JJava's own main class, whose start-up it repeats.
 *
 * <ol>
 * <li><b>Errors</b>: JJava wraps every exception of a cell in a {@code RuntimeException}, so
 * {@code ename} was always "RuntimeException". Here {@code ename} is the real class's simple name
 * and the message is rewritten by the library's {@code org.nnlab.notebook.ErrorMessages} (ND4J's
 * shape errors, JShell's {@code REPL.$JShell$48.s} names); a call of a method with an undeclared
 * name says which name; a cell that uses a method whose latest version did not compile (JShell
 * then removes the previous one) says so instead of a bare "cannot find symbol"
 * ({@code org.nnlab.exercises.Definitions.notDefined}).</li>
 * <li><b>A cell is what it declares</b>: JShell keeps a method that a re-run cell renamed or
 * re-typed (a second method, not a new version), which a self-check would still run; a cell run
 * again without one of its methods removes it, with a note under the cell.</li>
 * <li><b>Shutdown</b>: JJava's cell threads are not daemons, so its JVM outlived a shutdown
 * request and Jupyter waited for it, then killed it. The JVM exits once the connection is closed.</li>
 * <li><b>Interrupted training</b>: the interrupted cell's reply waits (at most
 * {@value #TRAINING_STOP_SECONDS} s) until a {@code Trainer.fit} of that cell has stopped after its
 * batch (asked through the library as well as by the interrupt flag, which a callback may swallow),
 * so that its progress display ends with the summary line while the cell's output is still open
 * (JJava drops output that comes after the reply).</li>
 * <li><b>Inspection</b> (Shift+Tab): JJava asks JShell one character past the cursor, which finds
 * nothing at the end of a call like {@code Math.max(}; here the cursor is passed as Jupyter sends
 * it, a bare name is looked up as a call ({@code Sequential.of} as {@code Sequential.of(}), and
 * JShell reads the Javadoc of the library's sources ({@code NNLAB_SOURCE_PATH}).</li>
 * </ol>
 */
public final class NnlabKernel extends JavaKernel {

    static final long TRAINING_STOP_SECONDS = 30;
    private static final String CELL_THREADS = "jjava-exec-";
    /**
     * The system property through which the self-checks (org.nnlab.exercises.Definitions, loaded by
     * another class loader) learn which declarations failed cells did not run: "name@snippetCount ...",
     * the number of JShell snippets when the cell failed (a later declaration of the name supersedes it).
     */
    static final String NOT_RUN = "nnlab.kernel.notRun";

    /** The declarations of the last cell that JJava did not run because an earlier one did not compile. */
    private List<String> notRun = List.of();
    /** Every declaration a failed cell did not run, with the number of snippets then: {@link #NOT_RUN}. */
    private final Map<String, Long> notRunSince = new LinkedHashMap<>();

    private NnlabKernel(Builder b, JShell shell, CodeEvaluator evaluator) {
        super(b.name(), b.version(), b.language(), b.helpLinks(), b.history(), b.io(), b.comms(), b.renderer(),
                b.magics(), b.registry(), b.extensions(), b.errorStyler(), shell, evaluator);
    }

    /** Starts the kernel for the connection file {@code args[0]}, as JJava's own main class does. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isRegularFile(Paths.get(args[0]))) {
            throw new IllegalArgumentException("NnlabKernel: expected a Jupyter connection file but was "
                    + Arrays.toString(args) + ".\nHint: Jupyter starts the kernel with {connection_file}.");
        }
        useLibrarySources(System.getenv("NNLAB_SOURCE_PATH"));
        Class<?> env = Class.forName("org.dflib.jjava.distro.Env");   // JJava's own reading of its JJAVA_* variables
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(Paths.get(args[0]))));
        MavenDependencyResolver maven = new MavenDependencyResolver();
        TimeMagic time = new TimeMagic();
        @SuppressWarnings("unchecked")
        List<String> compilerOpts = (List<String>) call(env, "compilerOpts");
        NnlabKernel kernel = new Builder()
                .name("JJava").version(jjavaVersion())
                .extensionsEnabled((Boolean) call(env, "extensionsEnabled"))
                .compilerOpts(compilerOpts)
                .lineMagic("load", new LoadMagic()).lineMagic("classpath", new ClasspathMagic())
                .lineMagic("time", time).lineMagic("maven", new MavenMagic(maven))
                .lineMagic("mavenRepo", new MavenRepoMagic(maven)).lineMagic("loadFromPOM", new LoadFromPomLineMagic(maven))
                .lineMagic("jars", new JarsMagic()).lineMagic("addMavenDependency", new AddMavenDependencyMagic(maven))
                .cellMagic("loadFromPOM", new LoadFromPomCellMagic(maven)).cellMagic("time", time)
                .build();
        kernel.onStartup();
        kernel.addToClasspath((String) call(env, "extraClasspath"));
        @SuppressWarnings("unchecked")
        List<String> startup = (List<String>) call(env, "startupSnippets");
        startup.forEach(s -> kernel.evalBuilder(s).resolveMagics().eval());
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // the reply to the shutdown request is sent; JJava's idle cell threads (not daemons) would keep the JVM alive
        System.exit(0);
    }

    private static Object call(Class<?> type, String method) throws ReflectiveOperationException {
        Method m = type.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(null);
    }

    private static String jjavaVersion() {
        String v = JavaKernel.class.getPackage().getImplementationVersion();
        return v != null ? v : "1.0-a8";
    }

    /**
     * Lets JShell read Javadoc from {@code sourcePath} (':'-separated source folders) besides the JDK's
     * src.zip: JShell looks only there (SourceCodeAnalysisImpl.findSources) and offers no option, so its
     * list is set through the field it keeps for its own tests ({@code --add-opens jdk.jshell/jdk.jshell}).
     */
    static void useLibrarySources(String sourcePath) {
        if (sourcePath == null || sourcePath.isBlank()) {
            return;
        }
        List<Path> roots = new ArrayList<>();
        for (String p : sourcePath.split(java.io.File.pathSeparator)) {
            if (Files.isDirectory(Paths.get(p))) {
                roots.add(Paths.get(p));
            }
        }
        try {
            Field override = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, roots);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("nnlab: Shift+Tab shows signatures without Javadoc (" + e + ")");
        }
    }

    // ------------------------------------------------------------------------------------- errors

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        // JJava's BaseKernel.handleExecuteRequest, with the error built by error(e)
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        try {
            ioCall("setEnv", ShellReplyEnvironment.class, env);   // protected in JupyterIO, open to BaseKernel's package only
            env.defer(() -> ioCall("retractEnv", ShellReplyEnvironment.class, env));
            ioCall("setJupyterInEnabled", boolean.class, request.isStdinEnabled());
            DisplayData out = evalBuilder(request.getCode()).resolveMagics().renderResults().eval();
            dropWhatTheCellNoLongerDeclares(cellId(message), request.getCode());
            if (out != null) {
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            PublishError error = error(e);
            ErrorReply reply = new ErrorReply(error.getErrorName(), error.getErrorMessage(), error.getStacktrace());
            reply.setExecutionCount(count);
            env.publish(error);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    /** The methods ("name(types)" -> source) each cell, by the cellId JupyterLab sends, declared when it last ran. */
    private final Map<String, Map<String, String>> cellMethods = new java.util.HashMap<>();

    private static String cellId(Message<?> message) {
        Object id = message.getNonNullMetadata().get("cellId");
        return id == null ? null : id.toString();
    }

    private static String signature(MethodSnippet m) {
        return m.name() + "(" + m.parameterTypes() + ")";
    }

    /**
     * A cell that ran before and now no longer declares one of its methods (renamed, or with other
     * parameter types) leaves JShell's old method in force, which a self-check would still call and pass:
     * as a class would, the cell now defines only what it declares. Such a method is dropped, with a note
     * in the cell's output.
     */
    private void dropWhatTheCellNoLongerDeclares(String cellId, String code) {
        if (cellId == null) {
            return;
        }
        JShell shell = getJShell();
        // the methods in force whose source is this cell's (a re-declared method may keep its snippet's id)
        List<MethodSnippet> declared = shell.methods().filter(m -> shell.status(m).isActive() && code.contains(m.source().strip())).toList();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, String> old : cellMethods.getOrDefault(cellId, Map.of()).entrySet()) {
            if (declared.stream().anyMatch(m -> signature(m).equals(old.getKey()))) {
                continue;
            }
            // only the version this cell declared: another cell's method of the same signature stays
            shell.methods().filter(m -> signature(m).equals(old.getKey()) && m.source().strip().equals(old.getValue())
                    && shell.status(m).isActive()).toList().forEach(m -> {
                        shell.drop(m);
                        dropped.add(old.getKey());
                    });
        }
        Map<String, String> now = new LinkedHashMap<>();
        declared.forEach(m -> now.put(signature(m), m.source().strip()));
        cellMethods.put(cellId, now);
        if (!dropped.isEmpty()) {
            System.out.println("note: this cell no longer declares " + String.join(", ", dropped)
                    + ", so its earlier version is removed (a self-check can no longer run it).");
        }
    }

    private void ioCall(String method, Class<?> type, Object arg) {
        try {
            Method m = org.dflib.jjava.jupyter.kernel.JupyterIO.class.getDeclaredMethod(method, type);
            m.setAccessible(true);
            m.invoke(io, arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("NnlabKernel: JJava's JupyterIO." + method + " could not be called: " + e, e);
        }
    }

    /** The error output of {@code e}: the real class, the library-style message, the traceback. */
    PublishError error(Exception e) {
        List<String> traceback = formatError(e);
        if (e.getCause() instanceof EvalException ee) {
            String className = ee.getExceptionClassName();
            String original = String.valueOf(ee.getMessage());
            String explained = explain(className, original);
            return new PublishError(simpleName(className), explained,
                    withMessage(formatError(ee), className, explained));
        }
        if (e instanceof CompilationException ce) {
            String notDefined = notDefined(ce);
            List<String> lines = new ArrayList<>();
            if (notDefined != null) {
                notDefined.lines().map(errorStyler::secondary).forEach(lines::add);
            }
            lines.addAll(traceback);
            removedVersion(ce.getBadSnippetCompilation()).map(errorStyler::secondary).ifPresent(lines::add);
            if (!notRun.isEmpty()) {
                lines.add(errorStyler.secondary("Not run because of this error, so their previous versions (if any) stay: "
                        + String.join(", ", notRun) + "."));
            }
            return new PublishError(e.getClass().getSimpleName(),
                    notDefined != null ? notDefined : String.valueOf(e.getLocalizedMessage()), lines);
        }
        if (e.getCause() instanceof UnresolvedReferenceException ure) {
            String missing = getJShell().unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", "));
            String notRunnable = definitions("notRunnable", DeclarationSnippet.class, ure.getSnippet());
            String explained = notRunnable != null ? notRunnable : ure.getSnippet().name() + " uses "
                    + (missing.isEmpty() ? "a name" : missing) + ", which is not declared in this notebook, so it cannot run.\n"
                    + "Hint: declare it (or run the cell that does), then run this cell again.";
            return new PublishError("UnresolvedReferenceException", explained,
                    explained.lines().map(errorStyler::secondary).collect(Collectors.toList()));
        }
        return new PublishError(e.getClass().getSimpleName(), String.valueOf(e.getLocalizedMessage()), traceback);
    }

    /**
     * Why a name this cell uses is missing, when its latest declaration did not compile (JShell then
     * removes the previous version, so the cell fails with a bare "cannot find symbol"): the message of
     * org.nnlab.exercises.Definitions.notDefined, loaded from the notebook's class path; null otherwise.
     */
    private String notDefined(CompilationException e) {
        for (Diag d : (Iterable<Diag>) getJShell().diagnostics(e.getBadSnippetCompilation().snippet())::iterator) {
            String message = d.isError() ? definitions("notDefined", String.class, d.getMessage(null)) : null;
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /**
     * {@code new org.nnlab.exercises.Definitions(jshell).method(argument)}, loaded from the notebook's class
     * path (the class that reads the notebook's declarations for the self-checks); null without it.
     */
    private <T> String definitions(String method, Class<T> type, T argument) {
        try {
            Class<?> definitions = Class.forName("org.nnlab.exercises.Definitions", true, getEvaluator().getClassLoader());
            Object reader = definitions.getConstructor(JShell.class).newInstance(getJShell());
            return (String) definitions.getMethod(method, type).invoke(reader, argument);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;   // no exercises on the class path: JJava's message as it is
        }
    }

    /**
     * A declaration that parses but does not type-check replaces its previous version and is rejected,
     * so JShell no longer has either (a parse error keeps the previous one): say so under the error.
     */
    static Optional<String> removedVersion(SnippetEvent failed) {
        if (failed.snippet() instanceof DeclarationSnippet d && failed.status() == Snippet.Status.REJECTED
                && failed.previousStatus().isActive()) {
            return Optional.of("The previous version of " + d.name() + " is removed too: cells that use "
                    + d.name() + " fail until this cell compiles.");
        }
        return Optional.empty();
    }

    /** JJava's traceback of {@code ee} with its first lines (class and message) replaced by the explained message. */
    private List<String> withMessage(List<String> traceback, String className, String explained) {
        List<String> lines = new ArrayList<>();
        (className + ": " + explained).lines().forEach(line -> lines.add(errorStyler.secondary(line)));
        boolean frames = false;
        for (String line : traceback) {
            frames |= line.contains("\tat ") || line.contains("Caused by: ");
            if (frames) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** org.nnlab.notebook.ErrorMessages.explain, loaded from the notebook's class path; the message as it is without it. */
    private String explain(String className, String message) {
        try {
            Class<?> messages = Class.forName("org.nnlab.notebook.ErrorMessages", true, getEvaluator().getClassLoader());
            return (String) messages.getMethod("explain", String.class, String.class).invoke(null, className, message);
        } catch (ReflectiveOperationException | LinkageError e) {
            return message;
        }
    }

    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    // ------------------------------------------------------------------------ interrupted training

    @Override
    protected Object doEval(String source) {
        try {
            return super.doEval(source);
        } catch (EvaluationInterruptedException e) {
            awaitTrainingStop();
            throw e;
        } catch (CompilationException e) {
            notRun = declarationsAfter(source, e.getBadSnippetCompilation().snippet().source());
            long snippets = getJShell().snippets().count();
            notRun.forEach(name -> notRunSince.put(name, snippets));
            System.setProperty(NOT_RUN, notRunSince.entrySet().stream().map(n -> n.getKey() + "@" + n.getValue())
                    .collect(Collectors.joining(" ")));
            throw e;
        }
    }

    /** The names declared in {@code cell} after its snippet {@code failed}: JJava stops a cell at its first failure. */
    private List<String> declarationsAfter(String cell, String failed) {
        SourceCodeAnalysis analysis = getJShell().sourceCodeAnalysis();
        List<String> names = new ArrayList<>();
        boolean after = false;
        for (SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(cell);
                info.completeness().isComplete(); info = analysis.analyzeCompletion(info.remaining())) {
            if (after) {
                analysis.sourceToSnippets(info.source()).stream().filter(s -> s instanceof DeclarationSnippet)
                        .map(s -> ((DeclarationSnippet) s).name()).forEach(names::add);
            }
            after |= info.source().trim().equals(failed.trim());
        }
        return names;
    }

    /**
     * Asks the cell threads' Trainer.fit to stop, then waits until none is inside one (it stops after its
     * batch), at most TRAINING_STOP_SECONDS. The request does not rest on the thread's interrupt flag alone,
     * which a callback that catches InterruptedException clears.
     */
    private void awaitTrainingStop() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRAINING_STOP_SECONDS);
        try {
            Class<?> cellInterrupts = Class.forName("org.nnlab.notebook.CellInterrupts", true,
                    getEvaluator().getClassLoader());
            cellInterrupts.getMethod("stopFits", String.class).invoke(null, CELL_THREADS);
            Method isFitting = cellInterrupts.getMethod("isFitting", Thread.class);
            while (System.nanoTime() < deadline && anyCellThreadFitting(isFitting)) {
                Thread.sleep(20);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no library on the class path: nothing trains
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean anyCellThreadFitting(Method isFitting) throws ReflectiveOperationException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(CELL_THREADS) && (Boolean) isFitting.invoke(null, t)) {
                return true;
            }
        }
        return false;
    }

    // --------------------------------------------------------------------------------- inspection

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) {
        SourceCodeAnalysis analysis = getJShell().sourceCodeAnalysis();
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;   // the cursor inside or before a name: look up the whole name
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, end, true);
        if (docs.isEmpty() && end > 0 && Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            // right after a name: JShell documents calls only, so ask about "name("
            String call = code.substring(0, end) + "(";
            docs = analysis.documentation(call, call.length(), true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        DisplayData data = new DisplayData(docs.stream().map(d -> d.signature() + (d.javadoc() == null ? "" : "\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n")));
        data.putHTML(docs.stream().map(d -> "<pre>" + escape(d.signature()) + "</pre>"
                        + (d.javadoc() == null ? "" : "<pre>" + escape(d.javadoc()) + "</pre>"))
                .collect(Collectors.joining("<hr/>")));
        return data;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** JJava's JavaKernel.Builder, building an NnlabKernel. */
    static final class Builder extends JavaKernelBuilder<Builder, NnlabKernel> {

        @Override
        public NnlabKernel build() {
            CodeEvaluator evaluator = buildCodeEvaluator(buildName());
            return new NnlabKernel(this, buildJShell(evaluator), evaluator);
        }

        String name() { return buildName(); }
        String version() { return buildVersion(); }
        org.dflib.jjava.jupyter.kernel.LanguageInfo language() { return buildLanguageInfo(); }
        List<HelpLink> helpLinks() {
            return List.of(new HelpLink("Java tutorials", "https://docs.oracle.com/javase/tutorial/"),
                    new HelpLink("JJava homepage", "https://github.com/dflib/jjava"));
        }
        org.dflib.jjava.jupyter.kernel.history.HistoryManager history() { return buildHistoryManager(); }
        org.dflib.jjava.jupyter.kernel.JupyterIO io() { return buildJupyterIO(buildJupyterIOEncoding()); }
        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() { return buildCommManager(); }
        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() { return buildRenderer(); }
        org.dflib.jjava.jupyter.kernel.magic.MagicsResolver magics() { return buildMagicsResolver(buildMagicTranspiler()); }
        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry registry() { return buildMagicsRegistry(); }
        boolean extensions() { return buildExtensionsEnabled(); }
        org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler() { return buildErrorStyler(); }
    }
}
