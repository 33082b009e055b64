# The clientbench smoke test: runs chat-client-bench small and fails when it crashes, exits non-zero (a
# failed check: a model with the wrong count, say), or leaves out a figure. The figures themselves are never
# compared with their targets here (a loaded machine must not fail the build).
#   cmake -DBENCH=<chat-client-bench> -P RunSmoke.cmake
execute_process(COMMAND "${BENCH}" --scale 0.02
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}${errors}")
if(NOT result STREQUAL "0")
    message(FATAL_ERROR "chat-client-bench failed (exit ${result})")
endif()
foreach(figure "rooms +[0-9]+ +load" "log entries +[0-9]+ +load" "messages +[0-9]+ +load"
               "strokes +[0-9]+ +load" "strokes +[0-9]+ +complete"
               "live render +[0-9]+ +pen +forced +p50" "live render +[0-9]+ +pen +event-loop +p50"
               "live render +[0-9]+ +eraser +forced +p50" "live render +[0-9]+ +eraser +event-loop +p50"
               "all checks passed")
    if(NOT output MATCHES "${figure}")
        message(FATAL_ERROR "chat-client-bench printed no line matching \"${figure}\"")
    endif()
endforeach()
