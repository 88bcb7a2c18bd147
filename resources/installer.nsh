; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; Registers the bottega:// deep-link scheme on install and removes it on uninstall. SHCTX is the
; install mode's hive (HKCU for the default per-user install), so no elevation is needed.
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\bottega" "" "URL:Bottega"
  WriteRegStr SHCTX "Software\Classes\bottega" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\bottega\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\bottega\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\bottega"
!macroend
