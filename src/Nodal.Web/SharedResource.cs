namespace Nodal.Web;

/// <summary>The marker type of the interface's strings (Resources/SharedResource.{es,fr}.resx; English is the key).</summary>
public sealed class SharedResource;
