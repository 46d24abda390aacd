@echo off
rem opsbook on Windows: runs opsbook.jar with the JVM options of bin/opsbook (see there why each):
rem the quick (C1) compiler only, a throughput collector that keeps the heap small, a 1 GB heap, and
rem file names read as UTF-8. OPSBOOK_JAVA_OPTS is added last (a collector named there replaces ours),
rem JAVA_HOME picks the java, OPSBOOK_JAR the jar. (No class archive here: bin/opsbook makes one.)
setlocal
set "HERE=%~dp0"
set "JAR=%OPSBOOK_JAR%"
if not defined JAR if exist "%HERE%opsbook.jar" set "JAR=%HERE%opsbook.jar"
if not defined JAR if exist "%HERE%..\lib\opsbook.jar" set "JAR=%HERE%..\lib\opsbook.jar"
if not defined JAR if exist "%HERE%..\generator\target\opsbook.jar" set "JAR=%HERE%..\generator\target\opsbook.jar"
if not defined JAR (
  echo opsbook: cannot find opsbook.jar ^(build it with: mvn -q package -DskipTests^) 1>&2
  exit /b 3
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "OPTS=-XX:TieredStopAtLevel=1 -Xmx1g -XX:-UsePerfData -Dsun.jnu.encoding=UTF-8 -Dfile.encoding=UTF-8"
rem the user chose a collector: the JVM refuses two
echo %OPSBOOK_JAVA_OPTS% | findstr /R /C:"-XX:+Use[A-Za-z]*GC" >nul
if errorlevel 1 set "OPTS=%OPTS% -XX:+UseParallelGC -XX:GCTimeRatio=4"
"%JAVA%" %OPTS% %OPSBOOK_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
