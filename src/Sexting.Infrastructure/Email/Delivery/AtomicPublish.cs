using System.Runtime.InteropServices;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>
/// Gives a finished temporary file its final name in one step that fails if that name exists:
/// the outbox's guarantee of one file per idempotency key, across threads and processes.
/// <c>File.Move(…, overwrite: false)</c> is not that step on Linux (.NET checks, then renames, and
/// two writers can both pass the check: the outbox tests caught it), so on Unix the file is
/// hard-linked (<c>link(2)</c> fails with EEXIST, atomically) and the temporary name removed. On
/// Windows <c>File.Move</c> is <c>MoveFileEx</c> without replace, which is atomic already.
/// </summary>
internal static class AtomicPublish
{
    private const int EExist = 17; // Linux and macOS alike

    private static readonly Lock Gate = new();

    /// <summary>True if <paramref name="temporary"/> now has the name <paramref name="path"/>; false if that name was taken.</summary>
    public static bool TryPublish(string temporary, string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Link(temporary, path) == 0)
            {
                File.Delete(temporary);
                return true;
            }

            if (Marshal.GetLastPInvokeError() == EExist)
            {
                return false;
            }

            // A file system without hard links: the move below, serialised in this process.
        }

        lock (Gate)
        {
            if (File.Exists(path))
            {
                return false;
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
