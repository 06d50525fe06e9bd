@echo off
rem Builds the workstation as a Windows installer with jpackage (JDK 17+; needs the WiX Toolset 3 on PATH).
rem Usage: installer\build-msi.cmd [CENTRAL_URL]
setlocal enabledelayedexpansion
set CENTRAL_URL=%1
if "%CENTRAL_URL%"=="" set CENTRAL_URL=http://localhost:8080
cd /d "%~dp0\.."
call mvnw.cmd -B -q package -DskipTests || exit /b 1
rmdir /s /q target\installer 2>nul
mkdir target\installer\input
copy target\qujat.jar target\installer\input\ >nul
for /f %%m in ('jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target\installer\input\qujat.jar') do set MODULES=%%m
rem the workstation's JVM options, one per line in installer\workstation-jvm.options (the list the README's start
rem commands and the memory bench use too): each becomes a --java-options of the launcher
set JAVA_OPTIONS=
for /f "usebackq eol=# delims=" %%o in ("installer\workstation-jvm.options") do set JAVA_OPTIONS=!JAVA_OPTIONS! --java-options "%%o"
rem The jar carries the natives of one platform: built on Windows, Maven takes the Windows natives of JavaFX and
rem OpenCV (pom.xml profile "windows"); elsewhere build it with -Djavafx.platform=win.
jpackage --type msi --dest target\installer --name "Qujat Workstation" --app-version 0.1.0 --vendor Qujat ^
  --input target\installer\input --main-jar qujat.jar --main-class kz.qujat.Main ^
  --arguments "workstation --central %CENTRAL_URL%" ^
  !JAVA_OPTIONS! ^
  --add-modules %MODULES%,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.localedata ^
  --win-menu --win-shortcut --win-dir-chooser
