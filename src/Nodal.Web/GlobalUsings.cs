// What nearly every feature file of the web project uses.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Nodal.Core;
global using Nodal.Core.Organizations;
global using Nodal.Data;
global using Nodal.Web.Infrastructure;
global using Nodal.Core.Policy;
global using Nodal.Core.Reference;
